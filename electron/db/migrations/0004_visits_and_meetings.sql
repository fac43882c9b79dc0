CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`organizer_id` text NOT NULL,
	`team_id` text,
	`attendee_ids` text DEFAULT '[]' NOT NULL,
	`day` text NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`time_zone` text NOT NULL,
	`location` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `meetings_day_idx` ON `meetings` (`day`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`contact_ids` text DEFAULT '[]' NOT NULL,
	`day` text NOT NULL,
	`start_at` text NOT NULL,
	`end_at` text NOT NULL,
	`time_zone` text NOT NULL,
	`route_order` integer DEFAULT 0 NOT NULL,
	`area` text,
	`purpose` text NOT NULL,
	`goal` text,
	`planned` integer DEFAULT true NOT NULL,
	`status` text NOT NULL,
	`actual_start_at` text,
	`actual_end_at` text,
	`outcome` text,
	`problems_handled` text,
	`order_amount` integer,
	`collection_amount` integer,
	`competitor_info` text,
	`customer_feedback` text,
	`customer_news` text,
	`learnings` text,
	`effective` integer,
	`next_action` text,
	`summarized_at` text,
	`summarized_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `visits_owner_day_idx` ON `visits` (`owner_id`,`day`,`start_at`);--> statement-breakpoint
CREATE INDEX `visits_day_idx` ON `visits` (`day`);--> statement-breakpoint
CREATE INDEX `visits_customer_idx` ON `visits` (`customer_id`,`start_at`);--> statement-breakpoint
ALTER TABLE `collections` ADD `visit_id` text;--> statement-breakpoint
-- Hand-written (docs/decisions/0007): a done visit is contact with the customer, so it moves
-- customers.last_contact_at like calls and messages do (at its actual start, else its plan).
DROP TRIGGER `activities_last_contact_update`;--> statement-breakpoint
CREATE TRIGGER `activities_last_contact_update` AFTER UPDATE OF `at`, `deleted_at`, `customer_id`, `kind` ON `activities`
BEGIN
  UPDATE `customers` SET `last_contact_at` = (
    SELECT max(x) FROM (
      SELECT max(a.at) AS x FROM `activities` a
      WHERE a.customer_id = `customers`.id AND a.deleted_at IS NULL AND a.kind <> 'handover'
      UNION ALL
      SELECT max(coalesce(v.actual_start_at, v.start_at)) FROM `visits` v
      WHERE v.customer_id = `customers`.id AND v.deleted_at IS NULL AND v.status = 'done'
    )
  )
  WHERE `id` IN (NEW.customer_id, OLD.customer_id);
END;--> statement-breakpoint
CREATE TRIGGER `visits_last_contact_insert` AFTER INSERT ON `visits`
WHEN NEW.deleted_at IS NULL AND NEW.status = 'done'
BEGIN
  UPDATE `customers` SET `last_contact_at` = coalesce(NEW.actual_start_at, NEW.start_at)
  WHERE `id` = NEW.customer_id
    AND (`last_contact_at` IS NULL OR `last_contact_at` < coalesce(NEW.actual_start_at, NEW.start_at));
END;--> statement-breakpoint
CREATE TRIGGER `visits_last_contact_update` AFTER UPDATE OF `status`, `start_at`, `actual_start_at`, `deleted_at`, `customer_id` ON `visits`
BEGIN
  UPDATE `customers` SET `last_contact_at` = (
    SELECT max(x) FROM (
      SELECT max(a.at) AS x FROM `activities` a
      WHERE a.customer_id = `customers`.id AND a.deleted_at IS NULL AND a.kind <> 'handover'
      UNION ALL
      SELECT max(coalesce(v.actual_start_at, v.start_at)) FROM `visits` v
      WHERE v.customer_id = `customers`.id AND v.deleted_at IS NULL AND v.status = 'done'
    )
  )
  WHERE `id` IN (NEW.customer_id, OLD.customer_id);
END;
