"""The output contract: pydantic models mirroring SPEC.md section 2.

These models are the one output shape. The CLI, the service and the library
all return :class:`TrialRecord`; nothing else defines what a record is.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Comparator = Literal["=", "<", ">", "<=", ">="]
SampleKind = Literal[
    "enrolled", "randomized", "analyzed", "completed", "withdrawn", "planned", "arm", "other"
]

ERROR_TYPES = (
    "empty_document",
    "binary_input",
    "invalid_json",
    "invalid_xml",
    "unsafe_xml",
    "unreadable",
    "unsupported_format",
    "too_large",
    "internal_error",
)


class Mention(BaseModel):
    """Evidence every mention carries: exact text and offsets into the cleaned text."""

    model_config = ConfigDict(extra="forbid")

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str | None = Field(default=None, description="id of the rule that fired (provenance)")


class SampleSize(Mention):
    value: int
    kind: SampleKind = "other"


class Dose(Mention):
    value: float
    low: float | None = None
    high: float | None = None
    spread: float | None = None
    unit: str
    agent: str | None = None
    per: str | None = None


class Route(Mention):
    route: str


class Outcome(Mention):
    name: str


class PValue(Mention):
    comparator: Comparator
    value: float = Field(ge=0.0, le=1.0)
    outcome: str | None = None


class Registration(Mention):
    registry: str
    id: str


class ErrorInfo(BaseModel):
    """Why a document could not be read or processed, in words a user can act on."""

    model_config = ConfigDict(extra="forbid")

    type: str
    message: str


class TrialRecord(BaseModel):
    """One output record per input document (SPEC.md section 2)."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    languages: list[str] = Field(default_factory=list)
    title: str | None = None
    sample_sizes: list[SampleSize] = Field(default_factory=list)
    doses: list[Dose] = Field(default_factory=list)
    routes: list[Route] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    p_values: list[PValue] = Field(default_factory=list)
    registrations: list[Registration] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    error: ErrorInfo | None = None
    text: str | None = Field(default=None, description="the cleaned text; only with --with-text")

    @classmethod
    def failure(cls, doc_id: str | None, type_: str, message: str) -> "TrialRecord":
        """An error record: every list empty, ``error`` set."""
        return cls(id=doc_id, error=ErrorInfo(type=type_, message=message))


FIELDS = ("sample_sizes", "doses", "routes", "outcomes", "p_values", "registrations")
