"""The student's own model: the flow of its leaf modules (hooks), the slices read at each seam
(matched by value), and the findings there; run in-process by the API, in a child by the CLI."""
