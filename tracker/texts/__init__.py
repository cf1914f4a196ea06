"""The words of each surface, as (English, Danish) pairs: one file a surface."""
