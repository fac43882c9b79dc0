CREATE TABLE `collections` (
	`id` text PRIMARY KEY NOT NULL,
	`receivable_id` text NOT NULL,
	`deal_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`amount` integer NOT NULL,
	`collected_on` text NOT NULL,
	`by_user_id` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `collections_receivable_idx` ON `collections` (`receivable_id`);--> statement-breakpoint
CREATE INDEX `collections_customer_idx` ON `collections` (`customer_id`,`collected_on`);--> statement-breakpoint
CREATE INDEX `collections_on_idx` ON `collections` (`collected_on`);--> statement-breakpoint
CREATE TABLE `deal_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text NOT NULL,
	`criterion` text NOT NULL,
	`checked` integer NOT NULL,
	`checked_by` text,
	`checked_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `deal_checks_deal_idx` ON `deal_checks` (`deal_id`,`criterion`);--> statement-breakpoint
CREATE TABLE `deal_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text NOT NULL,
	`product_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `deal_lines_deal_idx` ON `deal_lines` (`deal_id`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`title` text NOT NULL,
	`amount` integer NOT NULL,
	`expected_close_on` text NOT NULL,
	`milestone` text NOT NULL,
	`status` text NOT NULL,
	`stage_entered_at` text NOT NULL,
	`lost_reason` text,
	`closed_on` text,
	`next_step` text,
	`is_key` integer DEFAULT false NOT NULL,
	`contact_id` text,
	`contact_problem` text,
	`contact_cause` text,
	`contact_vision` text,
	`contact_value` text,
	`decider_id` text,
	`decider_problem` text,
	`decider_cause` text,
	`decider_vision` text,
	`decider_value` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `deals_board_idx` ON `deals` (`status`,`milestone`,`stage_entered_at`);--> statement-breakpoint
CREATE INDEX `deals_owner_idx` ON `deals` (`owner_id`,`status`);--> statement-breakpoint
CREATE INDEX `deals_customer_idx` ON `deals` (`customer_id`);--> statement-breakpoint
CREATE INDEX `deals_close_idx` ON `deals` (`expected_close_on`);--> statement-breakpoint
CREATE INDEX `deals_closed_idx` ON `deals` (`status`,`closed_on`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unit` text,
	`list_price` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `receivables` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`amount` integer NOT NULL,
	`due_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `receivables_deal_idx` ON `receivables` (`deal_id`);--> statement-breakpoint
CREATE INDEX `receivables_customer_idx` ON `receivables` (`customer_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `stage_history` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`from_milestone` text,
	`from_status` text,
	`to_milestone` text NOT NULL,
	`to_status` text NOT NULL,
	`at` text NOT NULL,
	`by_user_id` text,
	`forced` integer DEFAULT false NOT NULL,
	`reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `stage_history_deal_idx` ON `stage_history` (`deal_id`,`at`);--> statement-breakpoint
CREATE INDEX `stage_history_customer_idx` ON `stage_history` (`customer_id`,`at`);--> statement-breakpoint
CREATE INDEX `stage_history_at_idx` ON `stage_history` (`at`);