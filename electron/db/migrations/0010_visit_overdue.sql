ALTER TABLE `customers` ADD `last_visit_on` text;--> statement-breakpoint
CREATE INDEX `customers_last_visit_idx` ON `customers` (`last_visit_on`);--> statement-breakpoint
-- Hand-written (docs/decisions/0007, issue 23): customers.last_visit_on caches the local day of
-- the latest done visit, which "overdue for a visit" counts from (domain.md §2); calls,
-- messages and notes move last_contact_at only.
CREATE TRIGGER `visits_last_visit_insert` AFTER INSERT ON `visits`
WHEN NEW.deleted_at IS NULL AND NEW.status = 'done'
BEGIN
  UPDATE `customers` SET `last_visit_on` = NEW.day
  WHERE `id` = NEW.customer_id AND (`last_visit_on` IS NULL OR `last_visit_on` < NEW.day);
END;--> statement-breakpoint
CREATE TRIGGER `visits_last_visit_update` AFTER UPDATE OF `status`, `day`, `deleted_at`, `customer_id` ON `visits`
BEGIN
  UPDATE `customers` SET `last_visit_on` = (
    SELECT max(v.day) FROM `visits` v
    WHERE v.customer_id = `customers`.id AND v.deleted_at IS NULL AND v.status = 'done'
  )
  WHERE `id` IN (NEW.customer_id, OLD.customer_id);
END;--> statement-breakpoint
UPDATE `customers` SET `last_visit_on` = (
  SELECT max(v.day) FROM `visits` v
  WHERE v.customer_id = `customers`.id AND v.deleted_at IS NULL AND v.status = 'done'
);
