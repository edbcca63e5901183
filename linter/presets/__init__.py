"""Built-in configuration presets (``extends: default | strict | minimal``), shipped as YAML."""
