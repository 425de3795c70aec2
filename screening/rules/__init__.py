"""The decision: rules.yaml, triggers, ownership, policies, dates and findings."""
