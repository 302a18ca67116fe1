"""The MkDocs adapter: the only code that imports MkDocs.

``plugin`` turns MkDocs events into calls of the layers below, ``config`` declares the
plugin's options, ``navigation`` places the generated pages, ``banner`` shows content
errors while serving. Should the site generator change, only this folder moves.
"""
