-- Decision 0022: each user has a password, kept as an scrypt hash synced like any field; a manager's reset leaves a one-time one.
ALTER TABLE `users` ADD `password_hash` text;--> statement-breakpoint
ALTER TABLE `users` ADD `password_temporary` integer DEFAULT false NOT NULL;