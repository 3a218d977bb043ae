from makelaar.cli import main

raise SystemExit(main())
