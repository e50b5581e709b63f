"""The SPARQL endpoint and, in time, the web application."""
