-- A connector's configuration may take the whole of a request's 1 MiB body (values of up to
-- 65,536 characters each), and its document holds that and more; 1,000,000 characters did not.
ALTER TABLE connect_resources ALTER COLUMN document SET DATA TYPE VARCHAR(10000000);
