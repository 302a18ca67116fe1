"""The privacy layer: what may be published, and the proof that nothing else was.

``policy`` derives every rule from the model's field marks; ``contacts`` warns about
contact details in published text; ``folders`` refuses settings that would publish
internals; ``guard`` (with ``guard_reading``) reads the built site for private values.
It may import the content layer only.
"""
