# Writes TorchScript text encoders of the shape S2A Studio accepts (forward(List[str]) -> (tokens, mask)):
# a stand-in for a user's CLAP/T5 export. Characters are the tokens, so no vocabulary file is needed.
#   python3 make_text_encoder.py OUT_DIR   ->  OUT_DIR/encoder-128.pt, OUT_DIR/encoder-64.pt
import sys
from typing import List, Tuple

import torch


class CharEncoder(torch.nn.Module):
    def __init__(self, width: int):
        super().__init__()
        torch.manual_seed(width)
        self.embed = torch.nn.Embedding(256, width)
        self.mix = torch.nn.Linear(width, width)

    def forward(self, captions: List[str]) -> Tuple[torch.Tensor, torch.Tensor]:
        length = 1
        for c in captions:
            length = max(length, len(c))
        ids = torch.zeros(len(captions), length, dtype=torch.long)
        mask = torch.zeros(len(captions), length, dtype=torch.bool)
        for i, c in enumerate(captions):
            for j, ch in enumerate(c):
                ids[i, j] = ord(ch) % 256
                mask[i, j] = True
        return torch.tanh(self.mix(self.embed(ids))), mask


for width in (128, 64):
    torch.jit.script(CharEncoder(width)).save(f"{sys.argv[1]}/encoder-{width}.pt")
