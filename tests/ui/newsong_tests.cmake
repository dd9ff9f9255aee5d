# Tests of the editor's newsong part.
