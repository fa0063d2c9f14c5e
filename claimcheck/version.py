"""The package's version, in a module of its own: modules that print or hash it need not import the
package's ``__init__``, which imports every stage."""

__version__ = "0.1.0"
