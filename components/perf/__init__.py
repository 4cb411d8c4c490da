"""Performance: build once per input and share (memo), serialize shared figures once (frozen), garbage-collector tuning."""
