DROP INDEX `visits_status_day_idx`;--> statement-breakpoint
CREATE INDEX `visits_planned_day_idx` ON `visits` (`day`) WHERE "visits"."status" = 'planned';