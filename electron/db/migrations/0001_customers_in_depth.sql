CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`contact_id` text,
	`user_id` text,
	`kind` text NOT NULL,
	`category` text,
	`at` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `activities_customer_at_idx` ON `activities` (`customer_id`,`at`);--> statement-breakpoint
CREATE INDEX `activities_at_idx` ON `activities` (`at`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`due_on` text NOT NULL,
	`text` text NOT NULL,
	`done_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `follow_ups_owner_idx` ON `follow_ups` (`owner_id`,`done_at`,`due_on`);--> statement-breakpoint
CREATE INDEX `follow_ups_customer_idx` ON `follow_ups` (`customer_id`);--> statement-breakpoint
ALTER TABLE `customers` ADD `relationship` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `attractiveness` integer;--> statement-breakpoint
ALTER TABLE `customers` ADD `grade_override` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `grade_override_reason` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `grade_reviewed_on` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `grade` text;--> statement-breakpoint
CREATE INDEX `customers_grade_idx` ON `customers` (`grade`);