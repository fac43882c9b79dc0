CREATE TABLE `sync_applied` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at_hlc` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_batches` (
	`seq` integer PRIMARY KEY NOT NULL,
	`first_change` integer NOT NULL,
	`last_change` integer NOT NULL,
	`written_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`column` text,
	`local_value` text,
	`local_hlc` text,
	`local_user_id` text,
	`remote_value` text,
	`remote_hlc` text,
	`remote_user_id` text,
	`remote_device_id` text,
	`other_row_id` text,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_open_idx` ON `sync_conflicts` (`resolved_at`,`detected_at`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_row_idx` ON `sync_conflicts` (`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`device_id` text PRIMARY KEY NOT NULL,
	`applied_seq` integer DEFAULT 0 NOT NULL,
	`waiting_seq` integer,
	`waiting_since` text,
	`problem` text,
	`last_applied_at` text
);
--> statement-breakpoint
CREATE TABLE `sync_seen` (
	`device_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at_hlc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_seen_idx` ON `sync_seen` (`device_id`,`seq`);