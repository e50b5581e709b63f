"""The web application: the SPARQL 1.1 Protocol endpoint, and later pages and reconciliation."""

from kg.web.app import ServeSettings, create_app
from kg.web.runner import DatasetSource, Limits, QueryRunner
from kg.web.server import BackgroundServer, Listen, public_source, serve
from kg.web.watch import StoreWatch

__all__ = [
    "BackgroundServer",
    "DatasetSource",
    "Limits",
    "Listen",
    "QueryRunner",
    "ServeSettings",
    "StoreWatch",
    "create_app",
    "public_source",
    "serve",
]
