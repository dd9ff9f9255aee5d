# Tests of the editor's queue part.
