package cn.lianban.security.rest;

/** One of the project's rules on calls to Camunda's REST API; a rule refuses by throwing {@link EngineRefusal}. */
interface EngineRule {

    void check(EngineCall call);
}
