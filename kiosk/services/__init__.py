"""Use cases the screens call: guide slips, submitting, rating, tickets, progress, staff console."""
