"""Mend a JSONL corpus on a Dask cluster: a local one, or a remote scheduler, with the same code.

    python examples/dask_cluster.py IN.jsonl OUT.jsonl                      # starts a LocalCluster
    python examples/dask_cluster.py IN.jsonl OUT.jsonl tcp://scheduler:8786  # uses a running cluster

The client reads IN, the workers mend the partitions (each needs textmend installed), and the client
writes OUT in input order, one JSON object per line in the same layout as ``textmend clean`` writes.
The workers need no access to IN or OUT: the data travels through the scheduler.
"""

import json
import sys

from dask.bag import from_sequence
from distributed import Client, LocalCluster

from textmend.integrations.dask import mend_bag


def main(source: str, target: str, scheduler: str | None) -> None:
    with open(source, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    bag = from_sequence(records, npartitions=8)

    if scheduler is None:
        cluster = LocalCluster(n_workers=2, processes=True, host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    else:
        cluster, client = None, Client(scheduler)
    try:
        mended = mend_bag(bag, text_field="text").compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    with open(target, "w", encoding="utf-8") as out:
        for record in mended:
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"mended {len(mended)} documents with {'a LocalCluster' if scheduler is None else scheduler}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else None)
