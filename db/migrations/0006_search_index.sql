-- Search the way support works (issue 10 item 6): any fragment of 3+ characters of an email,
-- a name, a phone number or an Amazon id. FTS5's trigram tokenizer indexes every 3-character
-- sequence, so a quoted phrase matches any substring, case-insensitively, with no wildcard
-- syntax to escape. The tables are contentless (content=''): they hold only the index, not a
-- second copy of the text; contentless_delete lets the triggers below remove and replace rows.
-- Phone numbers are indexed as digits only, so "555-0100" and "(555) 0100" find "5555550100".
-- docs/PERFORMANCE.md has the sizes and timings on the 1M-row bench database.
CREATE VIRTUAL TABLE `orders_search` USING fts5(`email`, `name`, `phone`, `amazon_ids`, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
CREATE VIRTUAL TABLE `customers_search` USING fts5(`email`, `name`, `phone`, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
-- Authorization, capture and refund ids; a transaction's order reference and billing agreement
-- are its order's, found through orders_search.
CREATE VIRTUAL TABLE `transactions_search` USING fts5(`amazon_ids`, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
INSERT INTO `orders_search` (`rowid`, `email`, `name`, `phone`, `amazon_ids`)
  SELECT `id`, coalesce(`email`, ''), trim(coalesce(`first_name`, '') || ' ' || coalesce(`last_name`, '')),
    replace(replace(replace(replace(replace(replace(coalesce(`phone`, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''),
    trim(coalesce(`amazon_order_reference_id`, '') || ' ' || coalesce(`amazon_billing_agreement_id`, ''))
  FROM `orders`;
--> statement-breakpoint
INSERT INTO `customers_search` (`rowid`, `email`, `name`, `phone`)
  SELECT `id`, `email`, trim(coalesce(`first_name`, '') || ' ' || coalesce(`last_name`, '')),
    replace(replace(replace(replace(replace(replace(coalesce(`phone`, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')
  FROM `customers`;
--> statement-breakpoint
INSERT INTO `transactions_search` (`rowid`, `amazon_ids`)
  SELECT `id`, trim(coalesce(`amazon_authorization_id`, '') || ' ' || coalesce(`amazon_capture_id`, '') || ' ' || coalesce(`amazon_refund_id`, ''))
  FROM `transactions` WHERE coalesce(`amazon_authorization_id`, `amazon_capture_id`, `amazon_refund_id`) IS NOT NULL;
--> statement-breakpoint
-- Whoever writes the rows (the app, a script, a hand-run SQL), the index follows.
CREATE TRIGGER `orders_search_insert` AFTER INSERT ON `orders` BEGIN
  INSERT INTO `orders_search` (`rowid`, `email`, `name`, `phone`, `amazon_ids`) VALUES (NEW.`id`, coalesce(NEW.`email`, ''), trim(coalesce(NEW.`first_name`, '') || ' ' || coalesce(NEW.`last_name`, '')),
    replace(replace(replace(replace(replace(replace(coalesce(NEW.`phone`, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''),
    trim(coalesce(NEW.`amazon_order_reference_id`, '') || ' ' || coalesce(NEW.`amazon_billing_agreement_id`, '')));
END;
--> statement-breakpoint
CREATE TRIGGER `orders_search_update` AFTER UPDATE OF `email`, `first_name`, `last_name`, `phone`, `amazon_order_reference_id`, `amazon_billing_agreement_id` ON `orders` BEGIN
  DELETE FROM `orders_search` WHERE `rowid` = OLD.`id`;
  INSERT INTO `orders_search` (`rowid`, `email`, `name`, `phone`, `amazon_ids`) VALUES (NEW.`id`, coalesce(NEW.`email`, ''), trim(coalesce(NEW.`first_name`, '') || ' ' || coalesce(NEW.`last_name`, '')),
    replace(replace(replace(replace(replace(replace(coalesce(NEW.`phone`, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''),
    trim(coalesce(NEW.`amazon_order_reference_id`, '') || ' ' || coalesce(NEW.`amazon_billing_agreement_id`, '')));
END;
--> statement-breakpoint
CREATE TRIGGER `orders_search_delete` AFTER DELETE ON `orders` BEGIN
  DELETE FROM `orders_search` WHERE `rowid` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_insert` AFTER INSERT ON `customers` BEGIN
  INSERT INTO `customers_search` (`rowid`, `email`, `name`, `phone`) VALUES (NEW.`id`, NEW.`email`, trim(coalesce(NEW.`first_name`, '') || ' ' || coalesce(NEW.`last_name`, '')),
    replace(replace(replace(replace(replace(replace(coalesce(NEW.`phone`, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_update` AFTER UPDATE OF `email`, `first_name`, `last_name`, `phone` ON `customers` BEGIN
  DELETE FROM `customers_search` WHERE `rowid` = OLD.`id`;
  INSERT INTO `customers_search` (`rowid`, `email`, `name`, `phone`) VALUES (NEW.`id`, NEW.`email`, trim(coalesce(NEW.`first_name`, '') || ' ' || coalesce(NEW.`last_name`, '')),
    replace(replace(replace(replace(replace(replace(coalesce(NEW.`phone`, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_delete` AFTER DELETE ON `customers` BEGIN
  DELETE FROM `customers_search` WHERE `rowid` = OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `transactions_search_insert` AFTER INSERT ON `transactions` WHEN coalesce(NEW.`amazon_authorization_id`, NEW.`amazon_capture_id`, NEW.`amazon_refund_id`) IS NOT NULL BEGIN
  INSERT INTO `transactions_search` (`rowid`, `amazon_ids`) VALUES (NEW.`id`, trim(coalesce(NEW.`amazon_authorization_id`, '') || ' ' || coalesce(NEW.`amazon_capture_id`, '') || ' ' || coalesce(NEW.`amazon_refund_id`, '')));
END;
--> statement-breakpoint
-- Amazon's ids arrive after the row is written (the charge is recorded PENDING first).
CREATE TRIGGER `transactions_search_update` AFTER UPDATE OF `amazon_authorization_id`, `amazon_capture_id`, `amazon_refund_id` ON `transactions` BEGIN
  DELETE FROM `transactions_search` WHERE `rowid` = OLD.`id`;
  INSERT INTO `transactions_search` (`rowid`, `amazon_ids`) SELECT NEW.`id`, trim(coalesce(NEW.`amazon_authorization_id`, '') || ' ' || coalesce(NEW.`amazon_capture_id`, '') || ' ' || coalesce(NEW.`amazon_refund_id`, ''))
    WHERE coalesce(NEW.`amazon_authorization_id`, NEW.`amazon_capture_id`, NEW.`amazon_refund_id`) IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `transactions_search_delete` AFTER DELETE ON `transactions` BEGIN
  DELETE FROM `transactions_search` WHERE `rowid` = OLD.`id`;
END;
