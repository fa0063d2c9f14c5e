"""python -m claimcheck"""

from .cli import main

main()
