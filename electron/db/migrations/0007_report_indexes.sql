CREATE INDEX `activities_report_idx` ON `activities` (substr(`at`, 1, 10),`user_id`,`category`,`kind`,`customer_id`,`deleted_at`,`at`);--> statement-breakpoint
CREATE INDEX `customers_deleted_idx` ON `customers` (`id`) WHERE "customers"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `deal_scores_scored_idx` ON `deal_scores` (`scored_at`,`deal_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `deals_won_report_idx` ON `deals` (`status`,`closed_on`,`owner_id`,`customer_id`,`amount`,`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `deals_created_idx` ON `deals` (`created_at`,`owner_id`,`deleted_at`,`milestone`,`id`);--> statement-breakpoint
CREATE INDEX `deals_owner_of_idx` ON `deals` (`id`,`owner_id`,`status`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `deals_customer_won_idx` ON `deals` (`customer_id`,`status`,`closed_on`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `stage_history_exit_idx` ON `stage_history` (`at`,`from_status`,`from_milestone`,`deal_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `stage_history_path_idx` ON `stage_history` (`deal_id`,`at`,`to_milestone`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `visits_report_idx` ON `visits` (`day`,`owner_id`,`status`,`planned`,`effective`,`purpose`,`customer_id`,`deleted_at`);