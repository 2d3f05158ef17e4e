"""The language identifier loads its model from an uncompressed copy in the cache and answers
exactly as the identifier py3langid builds from its packaged (compressed) file."""

from __future__ import annotations

from sitmap.ingest import language


def test_language_cached_model_classifies_like_the_packaged_one(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv("SITMAP_CACHE", str(tmp_path))
    language._identifier.cache_clear()
    try:
        ours = language._identifier()
        assert len(list(tmp_path.glob("langid-*.npz"))) == 1  # the copy was made
        language._identifier.cache_clear()
        assert language._identifier().classify("a second start reads the copy")
        reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        texts = [
            "Police in Lagos said on Sunday they had arrested twelve men over the market fire.",
            "El alcalde de Valparaíso pidió ayuda al gobierno tras los incendios del sábado.",
            "Die Gewerkschaft kündigte für Montag einen Streik in allen Häfen des Landes an.",
            "Mwenyekiti wa chama alisema mkutano utafanyika wiki ijayo mjini Arusha.",
        ]
        for text in texts:
            assert ours.classify(text) == reference.classify(text)
        assert language.detect(texts[1])[0] == "es"
    finally:
        language._identifier.cache_clear()
