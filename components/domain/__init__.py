"""Pure domain logic with no presentation in it: the what-if reallocation arithmetic."""
