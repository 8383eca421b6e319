"""Use cases the screens call: print a guide slip, submit, take a ticket, evaluate, …"""
