"""Entry point of the `pulumi-resource-dex` executable."""

from __future__ import annotations

import logging
import os
import sys
from concurrent import futures


def main() -> None:
    """Serve the provider on a loopback port and tell the engine which one."""
    import grpc
    from pulumi.runtime.proto import provider_pb2_grpc

    from pulumi_dex.provider.server import DexProvider

    logging.basicConfig(
        level=os.environ.get("PULUMI_DEX_LOG_LEVEL", "WARNING"),
        format="pulumi-resource-dex %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    engine = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    provider_pb2_grpc.add_ResourceProviderServicer_to_server(DexProvider(engine), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    try:
        server.wait_for_termination()
    except KeyboardInterrupt:
        server.stop(grace=None)


if __name__ == "__main__":
    main()
