"""Middle East security news ingestion: feeds -> articles -> tagged events -> DuckDB.

The library is organised by pipeline stage, one subpackage each:
``sources``, ``fetch``, ``feeds``, ``extract``, ``clean``, ``tag`` and ``warehouse``;
``pipeline`` composes them into plain functions that the Prefect flows in ``flows/`` wire together.
"""

__version__ = "0.1.0"
