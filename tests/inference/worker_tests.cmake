# Generation worker tests.
