"""Entry point the Pulumi CLI runs: serve the pulumi-dex policy pack to the engine."""

import sys
from pathlib import Path

from pulumi_policy import PolicyPack

# The CLI runs this file with policies/ itself on sys.path; the modules import as `policies.*`.
REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from policies import redirect_uris, secrets, stack, transport  # noqa: E402

PolicyPack(
    name="pulumi-dex",
    policies=[
        *transport.POLICIES,
        *secrets.POLICIES,
        *redirect_uris.POLICIES,
        *stack.POLICIES,
    ],
)
