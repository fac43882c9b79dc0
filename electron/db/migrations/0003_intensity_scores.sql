CREATE TABLE `deal_scores` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text NOT NULL,
	`scored_at` text NOT NULL,
	`scored_by` text,
	`problem_level` text NOT NULL,
	`problem_with` text NOT NULL,
	`power_level` text NOT NULL,
	`vision_level` text NOT NULL,
	`vision_with` text NOT NULL,
	`value_level` text NOT NULL,
	`value_with` text NOT NULL,
	`control_level` text NOT NULL,
	`note` text,
	`problem_points` integer NOT NULL,
	`power_points` integer NOT NULL,
	`vision_points` integer NOT NULL,
	`value_points` integer NOT NULL,
	`control_points` integer NOT NULL,
	`total_points` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `deal_scores_deal_idx` ON `deal_scores` (`deal_id`,`scored_at`);--> statement-breakpoint
ALTER TABLE `deals` ADD `score_id` text;--> statement-breakpoint
ALTER TABLE `deals` ADD `score_total` integer;--> statement-breakpoint
ALTER TABLE `deals` ADD `scored_at` text;--> statement-breakpoint
-- Hand-written (docs/decisions/0012): deals cache their latest scoring (latest scored_at, then
-- the larger id), so the board, its flags and the scorecards read one row per deal.
CREATE TRIGGER `deal_scores_latest_insert` AFTER INSERT ON `deal_scores`
WHEN NEW.deleted_at IS NULL
BEGIN
  UPDATE `deals` SET `score_id` = NEW.id, `score_total` = NEW.total_points, `scored_at` = NEW.scored_at
  WHERE `id` = NEW.deal_id AND (
    `scored_at` IS NULL OR `scored_at` < NEW.scored_at
    OR (`scored_at` = NEW.scored_at AND `score_id` < NEW.id)
  );
END;--> statement-breakpoint
CREATE TRIGGER `deal_scores_latest_update` AFTER UPDATE OF `scored_at`, `deleted_at`, `deal_id`, `total_points` ON `deal_scores`
BEGIN
  UPDATE `deals` SET (`score_id`, `score_total`, `scored_at`) = (
    SELECT s.id, s.total_points, s.scored_at FROM `deal_scores` s
    WHERE s.deal_id = `deals`.id AND s.deleted_at IS NULL
    ORDER BY s.scored_at DESC, s.id DESC LIMIT 1
  )
  WHERE `id` IN (NEW.deal_id, OLD.deal_id);
END;
