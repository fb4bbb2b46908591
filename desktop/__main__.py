from desktop.cli import main

# Guarded: the checks' worker process (spawned) imports this module as __mp_main__.
if __name__ == "__main__":
    raise SystemExit(main())
