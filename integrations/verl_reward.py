"""verl custom reward function backed by `clinalign serve` (standard library only).

    reward.custom_reward_function.path=integrations/verl_reward.py
    reward.custom_reward_function.name=compute_score

Environment: CLINALIGN_URL (default http://127.0.0.1:8765), CLINALIGN_SERVE_TOKEN (if the server has one).
`ground_truth` is the rubric JSON string that `clinalign export --formats verl` writes; `extra_info` carries the
prompt_id and the prompt messages, since verl does not pass the prompt to reward functions.
"""
import asyncio
import json
import os
import urllib.request

URL = os.environ.get("CLINALIGN_URL", "http://127.0.0.1:8765").rstrip("/")
TOKEN = os.environ.get("CLINALIGN_SERVE_TOKEN", "")
# Below the trainers' own timeouts; the server answers within its --deadline anyway.
TIMEOUT_S = float(os.environ.get("CLINALIGN_TIMEOUT_S", "170"))


def _post(path, body):
    headers = {"Content-Type": "application/json"}
    if TOKEN:
        headers["Authorization"] = "Bearer " + TOKEN
    request = urllib.request.Request(URL + path, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
        return json.loads(response.read().decode("utf-8"))


async def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """Returns {"score": HealthBench example score (unclipped), ...the same log keys for every sample}."""
    body = {"data_source": data_source, "solution_str": solution_str, "ground_truth": ground_truth, "extra_info": extra_info or {}}
    return await asyncio.to_thread(_post, "/score", body)
