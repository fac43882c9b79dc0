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
ALTER TABLE `customers` ADD `last_contact_at` text;--> statement-breakpoint
CREATE INDEX `customers_grade_idx` ON `customers` (`grade`);--> statement-breakpoint
CREATE INDEX `customers_last_contact_idx` ON `customers` (`last_contact_at`);--> statement-breakpoint
-- customers.last_contact_at caches the latest timeline contact (handovers are not contacts).
CREATE TRIGGER `activities_last_contact_insert` AFTER INSERT ON `activities`
WHEN NEW.deleted_at IS NULL AND NEW.kind <> 'handover'
BEGIN
  UPDATE `customers` SET `last_contact_at` = NEW.at
  WHERE `id` = NEW.customer_id AND (`last_contact_at` IS NULL OR `last_contact_at` < NEW.at);
END;--> statement-breakpoint
CREATE TRIGGER `activities_last_contact_update` AFTER UPDATE OF `at`, `deleted_at`, `customer_id`, `kind` ON `activities`
BEGIN
  UPDATE `customers` SET `last_contact_at` = (
    SELECT max(a.at) FROM `activities` a
    WHERE a.customer_id = `customers`.id AND a.deleted_at IS NULL AND a.kind <> 'handover'
  )
  WHERE `id` IN (NEW.customer_id, OLD.customer_id);
END;
