package kz.zhedel.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Working languages: Kazakh and Russian, written as their ISO 639-1 codes. */
public enum Language {
    @JsonProperty("kk")
    KK,
    @JsonProperty("ru")
    RU
}
