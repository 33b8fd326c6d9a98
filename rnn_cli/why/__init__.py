"""`rnnx why`: an error message from torch read into its family and numbers, and the causes that
reproduce exactly those numbers. Text only: nothing here imports torch, numpy or rich."""
