"""Public outputs: export writers and the VoID/DCAT description."""
