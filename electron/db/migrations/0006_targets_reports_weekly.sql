CREATE TABLE `calendar_days` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `calendar_days_day_idx` ON `calendar_days` (`day`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` text PRIMARY KEY NOT NULL,
	`metric` text NOT NULL,
	`scope_type` text NOT NULL,
	`scope_id` text,
	`year` integer NOT NULL,
	`period_key` text NOT NULL,
	`value` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `targets_lookup_idx` ON `targets` (`year`,`metric`,`scope_type`,`scope_id`,`period_key`);--> statement-breakpoint
CREATE TABLE `team_memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`team_id` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `team_memberships_user_idx` ON `team_memberships` (`user_id`,`from_day`);--> statement-breakpoint
CREATE TABLE `weekly_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`week` text NOT NULL,
	`status` text NOT NULL,
	`competition` text,
	`abnormal_customers` text,
	`next_week_plan` text,
	`help_needed` text,
	`figures` text,
	`submitted_at` text,
	`reviewed_at` text,
	`reviewed_by` text,
	`review_comment` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `weekly_reports_week_idx` ON `weekly_reports` (`week`,`user_id`);