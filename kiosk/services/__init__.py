"""Use cases of a visit that write to the store: submitting an application, rating the service."""
