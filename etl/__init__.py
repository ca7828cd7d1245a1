"""Loading rosters, targets and references into a new warehouse build."""
