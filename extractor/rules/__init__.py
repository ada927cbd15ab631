"""Rules of combination as executable rules."""
