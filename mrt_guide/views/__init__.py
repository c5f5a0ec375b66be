"""Views: a command's JSON records as a ``Document`` (``build``) and as one record table (``records``).

Views never import Rich; ``mrt_guide.render`` draws what they build.
"""
