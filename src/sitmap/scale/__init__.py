"""Scale and live operation: live feeds (`watch`), distributed backfill (`backfill`), shared batching."""
