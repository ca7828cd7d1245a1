"""What every number means, and the SQL that computes it, over the warehouse rollups."""
