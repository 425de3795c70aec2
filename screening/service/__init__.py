"""The screening service: the request, the one core, accounts, decisions, the audit."""
