"""Call lights (呼叫灯): the lamp on a terminal that tells the hall a citizen needs a person."""
