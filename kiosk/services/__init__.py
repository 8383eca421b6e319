"""Use cases the screens call: guide slips, submitting, rating, queue tickets, check-in,
progress, consultation, complaints, the staff console."""
